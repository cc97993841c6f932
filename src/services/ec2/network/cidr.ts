// IPv4 CIDR blocks as VPCs and subnets use them ("IP addressing for your VPCs and subnets",
// vpc-ip-addressing.html; "Subnet CIDR blocks", subnet-sizing.html): a network address and a prefix length.
// A block whose address has host bits set is not a valid network (EC2 refuses it as it is given).

export interface Block {
  /** The first address, as an unsigned 32-bit number. */
  start: number;
  /** The prefix length, 0-32. */
  bits: number;
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The block a CIDR string names, or undefined when it is not a valid IPv4 network in CIDR notation. */
export function parseCidr(cidr: string): Block | undefined {
  const m = IPV4_CIDR.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const start = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if (start % size({ start: 0, bits }) !== 0) return undefined;
  return { start, bits };
}

/** How many addresses a block holds. */
export const size = (b: Block): number => 2 ** (32 - b.bits);

/** Whether `inner` lies within `outer`. */
export const within = (inner: Block, outer: Block): boolean =>
  inner.bits >= outer.bits && inner.start >= outer.start && inner.start + size(inner) <= outer.start + size(outer);

/** Whether two blocks share an address. */
export const overlaps = (a: Block, b: Block): boolean => a.start < b.start + size(b) && b.start < a.start + size(a);
