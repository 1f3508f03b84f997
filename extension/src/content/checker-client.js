// checker-client.js — the content side of the check: sends text to the background checker and
// returns its findings. A reply lost to a service-worker restart is retried once; an extension that
// was reloaded or removed ("context invalidated") makes every call reject with `stopped`.
import { api } from '../shared/browser-api.js';
import { Messages } from '../shared/messages.js';
import { Timing } from '../shared/timing.js';

export class ExtensionStopped extends Error {}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms); })])
    .finally(() => clearTimeout(timer));
}

async function request(message) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!api?.runtime?.id) throw new ExtensionStopped('extension context invalidated');
      const response = await withTimeout(api.runtime.sendMessage(message), Timing.messageTimeoutMs);
      if (!response) throw new Error('no reply');
      if (!response.ok) throw new Error(response.error);
      return response.reply;
    } catch (error) {
      if (error instanceof ExtensionStopped || /context invalidated/i.test(String(error?.message))) {
        throw new ExtensionStopped(String(error.message));
      }
      if (attempt >= 2) throw error;
    }
  }
}

export const checkerClient = {
  check: (text, context) => request({ type: Messages.contentToBackgroundCheck, text, context }),
  hello: (hostname) => request({ type: Messages.contentToBackgroundHello, hostname }),
  warmUp: () => request({ type: Messages.contentToBackgroundWarmUp }).catch(() => null),
};
