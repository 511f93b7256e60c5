// Socket.IO room names, in one place: a conversation's shopper sockets, and one agent's consoles.
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const agentRoom = (agentId: string) => `agent:${agentId}`;
