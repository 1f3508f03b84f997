// timing.js — how long the content side waits and how much work it does at a time.
// Shared so that tests and the report can subtract the typing pause from measured delays.
export const Timing = Object.freeze({
  typingPauseMs: 150,        // check after this long without an edit (paste checks at once)
  sliceBudgetMs: 8,          // longest stretch of drawing work before yielding to the page
  maxDrawnUnderlines: 300,   // beyond this the badge still counts every finding
  maxDrawnTextLength: 20000, // underlines are drawn for findings ending before this index…
  maxMirroredTextLength: 8000, // …and in a textarea (measured through a mirror) before this one
  messageTimeoutMs: 8000,    // a check reply slower than this is retried once (worker restarted)
  keepAliveMs: 20000,        // while a compose box has focus, ping the background this often
});
