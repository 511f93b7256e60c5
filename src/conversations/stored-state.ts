// What the store keeps as a conversation's state is the pipeline's ConversationState: the store treats it as data,
// this declaration tells the rest of the program its full shape.
import type { ConversationState } from '../pipeline/index.js';

declare module '../store/index.js' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds the pipeline's fields to the store's type
  interface StoredState extends ConversationState {}
}
