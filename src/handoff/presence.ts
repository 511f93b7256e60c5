// Which agents are connected, and their presence (online or away). An agent counts as online with at least one
// connected console set to "online".
export type PresenceStatus = 'online' | 'away';

export function createPresence() {
  const sockets = new Map<string, Map<string, PresenceStatus>>();
  return {
    connect(agentId: string, socketId: string) {
      if (!sockets.has(agentId)) sockets.set(agentId, new Map());
      sockets.get(agentId)!.set(socketId, 'online');
    },
    disconnect(agentId: string, socketId: string) {
      sockets.get(agentId)?.delete(socketId);
      if (sockets.get(agentId)?.size === 0) sockets.delete(agentId);
    },
    set(agentId: string, socketId: string, status: PresenceStatus) {
      sockets.get(agentId)?.set(socketId, status);
    },
    isConnected: (agentId: string) => sockets.has(agentId),
    isOnline: (agentId: string) => [...(sockets.get(agentId)?.values() ?? [])].includes('online'),
    onlineAgents: () => [...sockets.keys()].filter((agentId) => [...sockets.get(agentId)!.values()].includes('online')),
  };
}

export type Presence = ReturnType<typeof createPresence>;
