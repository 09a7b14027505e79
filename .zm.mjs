import { chromium } from '@playwright/test';
import { measurePage, p95 } from './scripts/bench/measure.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const path of process.argv.slice(2)) {
  const r = await measurePage(browser, { tool: 'ours', url: 'http://127.0.0.1:4998' + path, reps: 1, frameReps: 1 });
  const f = r.runs[0].frames;
  console.log(path, 'clickable', Math.round(r.runs[0].clickable), 'zoom interval p95', p95(f.zoom.intervals).toFixed(1), 'work p95', p95(f.zoom.work).toFixed(1), 'pan work p95', p95(f.pan.work).toFixed(1), 'steps', JSON.stringify(r.runs[0].steps));
}
await browser.close();
