// options.js — the full settings page: the settings panel with working-hours times and days.
import { renderSettingsPanel } from '../shared/settings-panel.js';

const panel = document.getElementById('panel');
renderSettingsPanel(panel, { detailed: true }).catch((error) => {
  panel.textContent = `PostCheck could not load its settings: ${error.message}`;
});
