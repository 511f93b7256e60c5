// The agents a conversation can be transferred to: those connected on some node, and which of them are online.
import { publicAgent, type AgentDirectory } from './agents.js';
import type { Presence } from './presence.js';

export async function connectedAgents(directory: AgentDirectory, presence: Presence) {
  const online = new Set(presence.onlineAgents());
  return (await directory.records())
    .filter((agent) => presence.isConnected(agent.id))
    .map((agent) => ({ ...publicAgent(agent), online: online.has(agent.id) }));
}
