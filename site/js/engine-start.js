// engine-start.js — starts the checker as soon as this async module arrives, before the page has
// finished parsing (module scripts otherwise wait for it), so the engine's download and compile
// overlap the rest of the page.
import { loadChecker } from './engine.js';

loadChecker();
