// practice.js — the Practice page: one scenario at a time (site/scenarios.json, addressed by #id), the
// trainee's answer, then the checker's live findings on the post and on the suggested rewrite.
// Answers persist through progress-store.js; the summary table is what "Print summary" prints.
import { loadChecker } from './engine.js';
import { UnderlineOverlay } from './underline-overlay.js';
import { renderFindingCards, summariseFindings } from './finding-cards.js';
import { clauseHref, clauseLabel } from './categories.js';
import { NETWORK_LIMITS } from './char-count.js';
import { loadProgress, saveAnswer, clearProgress, score } from './progress-store.js';

const ANSWER_LABELS = { ok: 'OK to post', change: 'Needs changing' };
const $ = (id) => document.getElementById(id);

const state = {
  scenarios: [],
  progress: loadProgress(),
  index: 0,
  checker: null,
  checkerError: null,
};

const overlay = new UnderlineOverlay(null, $('preview-layers'));

function currentScenario() {
  return state.scenarios[state.index];
}

function accountDescription(scenario) {
  if (scenario.account === 'personal') return 'a personal account';
  return scenario.authorised ? 'the charity’s account, as an authorised user' : 'the charity’s account, not as an authorised user';
}

function renderProgress() {
  const { answered, correct, total } = score(state.progress, state.scenarios);
  const scoreElement = $('practice-score');
  scoreElement.dataset.answered = String(answered);
  scoreElement.dataset.correct = String(correct);
  scoreElement.dataset.total = String(total);
  scoreElement.textContent = `You have answered ${answered} of ${total} scenarios: ${correct} correct.`;
  $('progress-fill').style.width = `${total ? (100 * answered) / total : 0}%`;

  const items = state.scenarios.map((scenario, index) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${scenario.id}`;
    const saved = state.progress.answers[scenario.id];
    item.className = saved ? (saved.correct ? 'is-correct' : 'is-wrong') : 'is-open';
    link.textContent = scenario.title;
    const status = document.createElement('span');
    status.className = 'scenario-status';
    status.textContent = saved ? (saved.correct ? ' (answered: correct)' : ' (answered: not quite)') : '';
    link.append(status);
    if (index === state.index) link.setAttribute('aria-current', 'step');
    item.append(link);
    return item;
  });
  $('scenario-list').replaceChildren(...items);
  renderSummary();
}

function renderSummary() {
  const { answered, correct, total } = score(state.progress, state.scenarios);
  $('summary-intro').textContent = answered === total
    ? `You have answered every scenario: ${correct} of ${total} correct. Print this page for your training record.`
    : `${answered} of ${total} answered so far, ${correct} correct.`;
  const rows = state.scenarios.map((scenario) => {
    const saved = state.progress.answers[scenario.id];
    const row = document.createElement('tr');
    const cells = [
      scenario.title,
      saved ? ANSWER_LABELS[saved.answer] : 'Not answered',
      ANSWER_LABELS[scenario.verdict],
      saved ? (saved.correct ? 'Correct' : 'Not quite') : '—',
      scenario.clauses.map((c) => clauseLabel(c)).join(', '),
    ];
    for (const text of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  $('summary-rows').replaceChildren(...rows);
}

function checkText(text, context) {
  if (!state.checker) return null;
  return state.checker.check(text, context).findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
}

function renderScenario({ focus = false } = {}) {
  const scenario = currentScenario();
  if (!scenario) return;
  $('scenario-count').textContent = `Scenario ${state.index + 1} of ${state.scenarios.length}`;
  $('scenario-title').textContent = scenario.title;
  $('scenario-author').textContent = scenario.author;
  $('scenario-where').textContent = `${NETWORK_LIMITS[scenario.network].label}, on ${accountDescription(scenario)}`;
  $('scenario-situation').textContent = scenario.situation;

  const preview = $('post-preview');
  preview.dataset.network = scenario.network;
  preview.dataset.account = scenario.account;
  const charity = scenario.account === 'charity';
  $('preview-avatar').textContent = charity ? 'CiB' : scenario.author.slice(0, 1);
  $('preview-name').textContent = charity ? 'Carers in Bedfordshire' : scenario.author.split(',')[0];
  $('preview-handle').textContent = charity ? '@CarersinBeds' : 'personal account';
  $('preview-text').textContent = scenario.text;
  overlay.render(scenario.text, []);

  const saved = state.progress.answers[scenario.id];
  for (const button of document.querySelectorAll('.button-answer')) {
    button.setAttribute('aria-pressed', String(saved?.answer === button.dataset.answer));
  }
  $('answer-given').textContent = saved ? `You answered: ${ANSWER_LABELS[saved.answer]}.` : '';
  if (saved) renderFeedback(scenario, saved);
  else $('feedback').hidden = true;
  renderProgress();
  if (focus) $('scenario-title').focus();
}

function renderFeedback(scenario, saved) {
  const feedback = $('feedback');
  feedback.hidden = false;
  feedback.classList.toggle('is-correct', saved.correct);
  $('feedback-title').textContent = saved.correct
    ? `Correct: this post is ${scenario.verdict === 'ok' ? 'OK to post' : 'one that needs changing'}.`
    : `Not quite: this post ${scenario.verdict === 'ok' ? 'is OK to post' : 'needs changing'}.`;
  $('feedback-explanation').textContent = scenario.explanation;

  const clauses = $('feedback-clauses');
  clauses.replaceChildren('Read in the policy: ');
  scenario.clauses.forEach((clause, i) => {
    const link = document.createElement('a');
    link.href = clauseHref(clause);
    link.textContent = clauseLabel(clause);
    clauses.append(...(i ? [', ', link] : [link]));
  });

  const context = { account: scenario.account, authorised: scenario.authorised };
  const findings = checkText(scenario.text, context);
  if (findings === null) {
    $('feedback-findings-summary').textContent = state.checkerError
      ? 'The checker could not be loaded, so live findings are not shown.' : 'The checker is still loading…';
    $('feedback-findings').replaceChildren();
  } else {
    overlay.render(scenario.text, findings);
    $('feedback-findings-summary').textContent = findingsSummary(scenario, findings);
    renderFindingCards($('feedback-findings'), findings, {
      actions: false,
      onHover: (index, active) => overlay.setActive(index, active),
    });
  }

  const rewriteBlock = $('feedback-rewrite-block');
  rewriteBlock.hidden = !scenario.rewrite;
  if (scenario.rewrite) {
    $('feedback-rewrite').textContent = scenario.rewrite;
    const rewriteContext = scenario.rewriteContext ?? context;
    const rewriteFindings = checkText(scenario.rewrite, rewriteContext);
    const where = scenario.rewriteContext && scenario.rewriteContext.account !== scenario.account
      ? ` (posted on ${rewriteContext.account === 'charity' ? 'the charity’s account' : 'your own account'})` : '';
    $('feedback-rewrite-check').textContent = rewriteFindings === null ? ''
      : rewriteFindings.length ? `PostCheck still notes: ${summariseFindings(rewriteFindings)}`
        : `PostCheck finds nothing in this version${where}.`;
  }
}

// No checker catches everything, and a warning is a prompt rather than a verdict: when the live findings
// and the policy's answer disagree, the page says so plainly instead of hiding it.
function findingsSummary(scenario, findings) {
  if (findings.length === 0) {
    return scenario.verdict === 'ok' ? 'PostCheck finds nothing in this post.'
      : 'PostCheck finds nothing here, yet this post needs changing. No checker catches everything: that is why '
        + 'knowing the policy matters, and why you should ask the Communications Officer when unsure (clause 5).';
  }
  const where = `${summariseFindings(findings)} The underlines on the post above show where.`;
  return scenario.verdict === 'change' ? where
    : `${where} The policy allows this post all the same: PostCheck’s warnings are prompts to think again, `
      + 'not verdicts. If you are unsure, ask the Communications Officer (clause 5).';
}

function answer(choice) {
  const scenario = currentScenario();
  if (!scenario) return;
  const correct = choice === scenario.verdict;
  saveAnswer(state.progress, scenario.id, choice, correct);
  renderScenario();
  $('practice-announcer').textContent = `${$('feedback-title').textContent} ${$('practice-score').textContent}`;
  $('feedback-title').focus();
}

function goTo(id, { focus }) {
  const index = state.scenarios.findIndex((s) => s.id === id);
  if (index === -1) return false;
  state.index = index;
  renderScenario({ focus });
  return true;
}

function firstOpenScenario() {
  return state.scenarios.find((s) => !state.progress.answers[s.id]) ?? state.scenarios[0];
}

function bind() {
  for (const button of document.querySelectorAll('.button-answer')) {
    button.addEventListener('click', () => answer(button.dataset.answer));
  }
  $('next-scenario').addEventListener('click', () => {
    const next = state.scenarios.slice(state.index + 1).find((s) => !state.progress.answers[s.id])
      ?? state.scenarios[(state.index + 1) % state.scenarios.length];
    location.hash = next.id;
  });
  window.addEventListener('hashchange', () => goTo(location.hash.slice(1), { focus: true }));
  $('print-summary').addEventListener('click', () => window.print());
  // The printed record says when, and against which version of the policy.
  window.addEventListener('beforeprint', () => {
    const policy = state.checker?.policy;
    $('summary-printed').textContent = `PostCheck training, Carers in Bedfordshire. Printed on `
      + `${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`
      + `${policy ? `; policy: ${policy.name}, version ${policy.version}` : ''}.`;
  });
  $('reset-progress').addEventListener('click', () => {
    if (!window.confirm('Clear all your answers and start again?')) return;
    state.progress = clearProgress();
    state.index = 0;
    renderScenario();
    $('practice-announcer').textContent = 'Your answers have been cleared.';
    $('scenario-title').focus();
  });
}

async function start() {
  // On a phone the list of scenarios starts folded, so the scenario itself comes first on screen.
  $('scenario-nav-details').open = window.matchMedia('(min-width: 60rem)').matches;
  bind();
  const response = await fetch('scenarios.json');
  state.scenarios = (await response.json()).scenarios;
  if (!goTo(location.hash.slice(1), { focus: false })) goTo(firstOpenScenario().id, { focus: false });
  try {
    state.checker = await loadChecker();
  } catch (error) {
    state.checkerError = error;
    console.warn('PostCheck: engine failed to load', error);
  }
  renderScenario();
}

start().catch((error) => {
  $('scenario-title').textContent = 'The scenarios could not be loaded.';
  $('scenario-situation').textContent = error.message;
});
