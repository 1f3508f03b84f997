// popup.js — the toolbar popup: the settings panel, compact.
import { renderSettingsPanel } from '../shared/settings-panel.js';

const panel = document.getElementById('panel');
renderSettingsPanel(panel).catch((error) => {
  panel.textContent = `PostCheck could not load its settings: ${error.message}`;
});
