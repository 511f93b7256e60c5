// The network edge shared by HTTP and sockets: who the client is behind proxies, which origins may connect, and how
// many connections each address and the whole server may hold.
export { compileTrustProxy, clientAddress, type TrustProxy } from './client-address.js';
export { descriptorLimit, limitConnections, requireBodyRate, serverOptions, totalConnections, createAddressCounter } from './connections.js';
export { isAllowedOrigin, ownOrigins } from './origin.js';
