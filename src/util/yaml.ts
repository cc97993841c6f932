// YAML for seed and credentials files, loaded only when such a file is read (keeps start-up fast).
export function parseYaml(text: string): unknown {
  return (require("yaml") as typeof import("yaml")).parse(text);
}
