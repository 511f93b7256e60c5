// The widget's own words: English defaults, replaced by the shopper's language from GET /api/v1/widget/strings.
import { formatString } from './text.js';

export const DEFAULT_STRINGS: Record<string, string> = {
  title: 'Chat with us',
  subtitle: 'We usually reply instantly',
  open: 'Open chat',
  close: 'Close chat',
  openUnread: '{count, plural, one {Open chat, # unread message} other {Open chat, # unread messages}}',
  placeholder: 'Type your message…',
  send: 'Send',
  messages: 'Conversation',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Connection lost. Reconnecting…',
  typing: 'Typing…',
  you: 'You',
  bot: 'Assistant',
  agent: 'Agent',
  ratePrompt: 'How would you rate this conversation?',
  rateSubmit: 'Send rating',
  rateThanks: 'Thank you for your feedback!',
  rateStar: '{score, plural, one {# star} other {# stars}}',
  rateComment: 'Anything you would like to add? (optional)',
  errorGeneric: 'Your message could not be sent. Please try again.',
  retrying: 'Not delivered yet. Sending again…',
  errorTooLong: 'Your message is too long.',
  errorRateLimited: "You're sending messages too quickly. Please wait a moment.",
  queued: 'You are number {position} in line.',
  attach: 'Attach a picture',
  picture: 'Picture',
  removePicture: 'Remove picture',
  uploading: 'Uploading…',
  errorPictureType: 'Only JPEG, PNG, WebP and GIF pictures can be sent.',
  errorPictureSize: 'This picture is too large (5 MB at most).',
  errorPictureCount: 'No more pictures can be added to this conversation.',
  errorPictureUpload: 'The picture could not be uploaded. Please try again.',
  notAvailable: 'Chat is not available on this site.',
  dismiss: 'Dismiss',
  restarted: "The chat was restarted, so your earlier messages are no longer here. Please write again and we'll help.",
};

export interface Strings {
  /** The shopper's language, as the server chose it from the locale. */
  language: string;
  t(key: string, values?: Record<string, number | string>): string;
  replace(loaded: Record<string, string>, language: string): void;
}

export function createStrings(language: string): Strings {
  let strings: Record<string, string> = { ...DEFAULT_STRINGS };
  const state: Strings = {
    language,
    t: (key, values = {}) => formatString(strings[key] ?? DEFAULT_STRINGS[key] ?? key, values, state.language),
    replace(loaded, loadedLanguage) {
      strings = { ...DEFAULT_STRINGS, ...loaded };
      state.language = loadedLanguage;
    },
  };
  return state;
}
