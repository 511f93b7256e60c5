// Telling an agent who is looking elsewhere: a desktop notification (once allowed) and a short sound for a newly
// queued conversation, and for a new shopper message in a conversation the agent holds, while the tab is hidden;
// and the count of both in the tab's title.
import type { ConversationSummary, Message } from '../../shared/protocol.js';
import { describeReason } from './format.js';
import { store, type State } from './store.js';

const TITLE = 'Borderless console';

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    volume.gain.value = 0.1;
    tone.frequency.value = 880;
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
    tone.addEventListener('ended', () => void audio.close());
  } catch {
    // no audio available
  }
}

function alert(title: string, body: string, tag: string): void {
  if (document.visibilityState !== 'hidden') return;
  beep();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.addEventListener('click', () => {
    window.focus();
    notification.close();
  });
}

/** Waiting conversations plus unread messages in the agent's own: the number in the tab's title. */
export function attentionCount(state: State): number {
  const me = state.session?.agent.id;
  return state.open.reduce((sum, entry) => sum + (entry.status === 'queued' ? 1 : entry.assignedTo === me ? entry.unread : 0), 0);
}

export function createAlerts() {
  let known: Set<string> | undefined;
  store.subscribe((state) => {
    const count = attentionCount(state);
    document.title = count ? `(${count}) ${TITLE}` : TITLE;
  });
  return {
    onQueue(queue: ConversationSummary[]): void {
      const queued = queue.filter((entry) => entry.status === 'queued');
      // The first queue after connecting is what was already there: nothing new to announce.
      if (known)
        for (const entry of queued.filter((candidate) => !known!.has(candidate.id)))
          alert('New conversation waiting', [describeReason(entry), entry.lastMessage].filter(Boolean).join(' · '), entry.id);
      known = new Set(queued.map((entry) => entry.id));
    },
    onMessage(message: Message): void {
      const { session, open } = store.get();
      const held = open.find((entry) => entry.id === message.conversationId)?.assignedTo === session?.agent.id;
      if (message.author === 'shopper' && held) alert('New message', message.text || 'A picture', message.conversationId);
    },
  };
}

/** Asks the browser for permission to notify; browsers only allow asking from a click. */
export async function allowNotifications(): Promise<NotificationPermission> {
  return typeof Notification === 'undefined' ? 'denied' : Notification.requestPermission();
}
