import { BlockList, isIP } from 'node:net';

/**
 * N8 technical info, T16: the addresses a provider's system calls from, as CIDRs (`203.0.113.0/24`,
 * `2001:db8::/32`; a bare address means that address only). An empty list allows any address.
 */

/** The canonical `address/prefix` of a CIDR, or undefined when it is not one. */
export function normalizeCidr(value: string): string | undefined {
  const match = /^([0-9A-Fa-f:.]+)(?:\/(\d{1,3}))?$/.exec(value.trim());
  if (!match) return undefined;
  const family = isIP(match[1]!);
  if (family === 0) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = match[2] === undefined ? max : Number(match[2]);
  if (prefix > max || (match[2] !== undefined && match[2].length > 1 && match[2].startsWith('0')))
    return undefined;
  return `${match[1]!.toLowerCase()}/${prefix}`;
}

/** Whether an address may call; IPv4 addresses also match as IPv4-mapped IPv6 (`::ffff:a.b.c.d`). */
export function ipAllowListMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  if (cidrs.length === 0) return () => true;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, prefix] = cidr.split('/') as [string, string];
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return (ip) => {
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
}
