// A refusal of the control surface (admin routes, the in-process API): an HTTP status, a code and a message.
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
