// finding-cards.js — one card per finding, as the extension shows them: severity, what was found, why
// (message and policy clause), what to do (advice), and optionally Fix, Ignore once and "Ask the
// Communications Officer". Used by Try it (with actions) and Practice (read-only).
import { categoryLabel, clauseHref, clauseLabel, severityLabel } from './categories.js';

// Describes what a Fix will do, for the button's visible label.
export function fixLabel(suggestion) {
  if (!suggestion) return null;
  const text = (suggestion.text ?? '').trim();
  if (suggestion.action === 'remove' || (suggestion.action === 'replace' && !text)) return 'Fix: remove it';
  if (suggestion.action === 'append') return `Fix: add “${text}”`;
  return `Fix: change to “${text}”`;
}

// Applies a finding's suggestion to text; returns { text, caret } (caret: where the edit ended).
export function applySuggestion(text, finding) {
  const { suggestion } = finding;
  if (suggestion.action === 'append') {
    const addition = suggestion.text ?? '';
    return { text: text + addition, caret: text.length + addition.length };
  }
  const replacement = suggestion.action === 'remove' ? '' : (suggestion.text ?? '');
  let before = text.slice(0, finding.start);
  let after = text.slice(finding.end);
  // Removing a word must not leave two spaces where it was.
  if (!replacement && / $/.test(before) && /^ /.test(after)) after = after.slice(1);
  if (!replacement && / $/.test(before) && /^[.,!?;:]/.test(after)) before = before.slice(0, -1);
  return { text: before + replacement + after, caret: before.length + replacement.length };
}

let cardSerial = 0;

// findings: checker findings. options: { actions: boolean, contact: {role,email}|null, onFix(i), onIgnore(i),
// onHover(i, active) }. Returns the list of card elements, in the findings' order.
export function renderFindingCards(list, findings, options = {}) {
  const cards = findings.map((finding, index) => {
    const id = `finding-${(cardSerial += 1)}`;
    const item = document.createElement('li');
    item.className = `finding-card severity-${finding.severity}`;
    item.dataset.cardCategory = finding.category;
    item.dataset.cardSeverity = finding.severity;

    const heading = document.createElement('h3');
    heading.id = `${id}-title`;
    heading.className = 'card-title';
    const badge = document.createElement('span');
    badge.className = `severity-badge severity-${finding.severity}`;
    badge.textContent = severityLabel(finding.severity);
    heading.append(badge, ' ', categoryLabel(finding.category));

    const excerpt = document.createElement('p');
    excerpt.className = 'card-excerpt';
    const quote = document.createElement('q');
    quote.textContent = finding.excerpt;
    excerpt.append(quote);

    const message = document.createElement('p');
    message.className = 'card-message';
    message.textContent = finding.message;

    const advice = document.createElement('p');
    advice.className = 'card-advice';
    const adviceLead = document.createElement('strong');
    adviceLead.textContent = 'What to do: ';
    advice.append(adviceLead, finding.advice);

    const clause = document.createElement('p');
    clause.className = 'card-clause';
    const clauseLink = document.createElement('a');
    clauseLink.href = clauseHref(finding.clause);
    clauseLink.textContent = `Read ${clauseLabel(finding.clause).toLowerCase()} of the policy`;
    clause.append(clauseLink);

    item.append(heading, excerpt, message, advice, clause);

    if (options.actions) {
      const actions = document.createElement('div');
      actions.className = 'card-actions';
      const label = fixLabel(finding.suggestion);
      if (label) {
        const fix = button(label, 'button-primary', () => options.onFix?.(index));
        fix.setAttribute('aria-describedby', heading.id);
        fix.dataset.action = 'fix';
        actions.append(fix);
      }
      const ignore = button('Ignore once', 'button-secondary', () => options.onIgnore?.(index));
      ignore.setAttribute('aria-describedby', heading.id);
      ignore.dataset.action = 'ignore';
      actions.append(ignore);
      if (options.contact) {
        const ask = document.createElement('a');
        ask.className = 'card-ask';
        const subject = `PostCheck: ${categoryLabel(finding.category)} (${clauseLabel(finding.clause)})`;
        ask.href = `mailto:${options.contact.email}?subject=${encodeURIComponent(subject)}`;
        ask.textContent = `Ask the ${options.contact.role ?? 'Communications Officer'}`;
        actions.append(ask);
      }
      item.append(actions);
    }
    if (options.onHover) {
      for (const [type, active] of [['mouseenter', true], ['mouseleave', false], ['focusin', true], ['focusout', false]]) {
        item.addEventListener(type, () => options.onHover(index, active));
      }
    }
    return item;
  });
  list.replaceChildren(...cards);
  return cards;
}

function button(text, className, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

// "2 problems: 1 must fix, 1 warning." — the sentence the live region announces.
export function summariseFindings(findings) {
  if (findings.length === 0) return 'No problems found.';
  const counts = { block: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  const parts = [];
  if (counts.block) parts.push(`${counts.block} must fix`);
  if (counts.warn) parts.push(`${counts.warn} ${counts.warn === 1 ? 'warning' : 'warnings'}`);
  if (counts.info) parts.push(`${counts.info} ${counts.info === 1 ? 'note' : 'notes'}`);
  return `${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}: ${parts.join(', ')}.`;
}
