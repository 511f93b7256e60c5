// What agents see of conversations besides the live queue: summaries, the closed list, search, and the shopper panel.
export { createLists, LIST_LIMIT, SEARCH_WINDOW, type Lists } from './lists.js';
export { createProfiles, type Profiles } from './profile.js';
export { summarize } from './summary.js';
