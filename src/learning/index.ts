// The learning module's public face.
export { groupSuggestions, type SuggestionGroup, type UnansweredMessage } from './suggestions.js';
