// styles.js — the look of everything PostCheck draws, scoped to its own shadow root so neither the
// page's CSS nor ours leaks across. Colours meet WCAG AA contrast on white.
export const overlayCss = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.clip { position: fixed; overflow: hidden; pointer-events: none; }
.underline { position: absolute; pointer-events: none; border-bottom: 2px solid; border-radius: 1px; }
.underline[data-finding-severity="block"] { border-color: #c5221f; background: rgba(197, 34, 31, 0.10); }
.underline[data-finding-severity="warn"] { border-color: #b06000; border-bottom-style: dashed; background: rgba(176, 96, 0, 0.08); }
.underline[data-finding-severity="info"] { border-color: #1a73e8; border-bottom-style: dotted; }
.underline.current { outline: 2px solid #1a73e8; outline-offset: 1px; }
button, a { font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge, .chip { position: fixed; pointer-events: auto; cursor: pointer; border: 0; border-radius: 999px;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.badge { min-width: 22px; height: 22px; padding: 0 6px; color: #fff; background: #5f6368; }
.badge[data-worst="block"] { background: #c5221f; }
.badge[data-worst="warn"] { background: #b06000; }
.badge[data-worst="info"] { background: #1a73e8; }
.chip { height: 22px; padding: 0 10px; color: #202124; background: #f1f3f4; border: 1px solid #dadce0; font-weight: 500; }
.chip[data-account="charity"] { background: #e6f4ea; border-color: #137333; color: #0d652d; }
.chip[data-unauthorised] { background: #fce8e6; border-color: #c5221f; color: #a50e0e; }
.note { position: fixed; max-width: 360px; pointer-events: auto; padding: 10px 12px; border-radius: 8px;
  background: #fff8e1; color: #202124; border: 1px solid #b06000; box-shadow: 0 2px 8px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.note p { margin: 0 0 6px; }
.card { position: fixed; width: 340px; max-width: calc(100vw - 16px); pointer-events: auto; padding: 12px 14px;
  border-radius: 8px; background: #fff; color: #202124; border: 1px solid #dadce0; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.card h2 { font-size: 14px; margin: 0 0 6px; }
.card .severity { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 4px; margin-left: 6px; color: #fff; }
.card .severity[data-severity="block"] { background: #c5221f; }
.card .severity[data-severity="warn"] { background: #b06000; }
.card .severity[data-severity="info"] { background: #1a73e8; }
.card q { font-style: italic; }
.card p { margin: 4px 0; }
.card .clause { color: #5f6368; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; align-items: center; }
.card .actions button, .card .actions a, .dialog button { padding: 6px 10px; border-radius: 6px; border: 1px solid #dadce0;
  background: #fff; color: #1a73e8; cursor: pointer; text-decoration: none; }
.card .actions .fix, .dialog .edit { background: #1a73e8; color: #fff; border-color: #1a73e8; }
.card .nav { margin-left: auto; color: #5f6368; font-weight: 400; }
.card .status { color: #a50e0e; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.backdrop { position: fixed; inset: 0; pointer-events: auto; background: rgba(32,33,36,.45); display: flex;
  align-items: center; justify-content: center; }
.dialog { width: 460px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto; padding: 18px 20px;
  border-radius: 10px; background: #fff; color: #202124; box-shadow: 0 8px 32px rgba(0,0,0,.35);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.dialog h2 { font-size: 17px; margin: 0 0 8px; }
.dialog ul { padding-left: 18px; margin: 8px 0; }
.dialog li { margin-bottom: 6px; }
.dialog .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 14px; }
.dialog .anyway { color: #a50e0e; }
.mirror { position: fixed; left: 0; top: 0; visibility: hidden; overflow: hidden; height: auto; pointer-events: none; }
.sr-only { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
