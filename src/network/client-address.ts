// The address a request or socket comes from. Behind a proxy every connection comes from the proxy, so the client's
// own address is read from X-Forwarded-For, but only through proxies the configuration trusts: anyone can send
// that header, and trusting it blindly would let a flood pick a fresh address for every message.
import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/** TRUST_PROXY: empty trusts no proxy; a number trusts that many hops; else addresses, CIDR ranges, loopback, uniquelocal… */
export function compileTrustProxy(setting: string): TrustProxy {
  const value = setting.trim();
  if (value === '') return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

export const clientAddress = (request: IncomingMessage, trust: TrustProxy): string => proxyaddr(request, trust);
