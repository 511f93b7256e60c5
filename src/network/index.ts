// The network edge shared by HTTP and sockets: who the client is behind proxies, which origins may connect, and how
// many connections each address and the whole server may hold.
