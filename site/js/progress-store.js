// progress-store.js — the trainee's Practice answers, kept in this browser's localStorage only.
// Shape: { version: 1, answers: { [scenarioId]: { answer: 'ok'|'change', correct: boolean, at: ISO date } } }
// A missing, corrupt or blocked store (private windows can throw) behaves as an empty one.
export const STORAGE_KEY = 'postcheck-training-progress-v1';

export function loadProgress(storage = globalThis.localStorage) {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (parsed?.version === 1 && parsed.answers && typeof parsed.answers === 'object') return parsed;
  } catch {
    // fall through: start afresh
  }
  return { version: 1, answers: {} };
}

export function saveAnswer(progress, scenarioId, answer, correct, storage = globalThis.localStorage) {
  progress.answers[scenarioId] = { answer, correct, at: new Date().toISOString() };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;  // still counted for this visit
  }
}

export function clearProgress(storage = globalThis.localStorage) {
  try { storage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  return { version: 1, answers: {} };
}

// Only answers to scenarios that still exist count.
export function score(progress, scenarios) {
  const answered = scenarios.filter((s) => progress.answers[s.id]);
  return { answered: answered.length, correct: answered.filter((s) => progress.answers[s.id].correct).length, total: scenarios.length };
}
