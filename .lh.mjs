import { runLighthouse } from './scripts/bench/lighthouse.mjs';
for (const path of process.argv.slice(2)) {
  const r = await runLighthouse(`http://127.0.0.1:4173${path}`, '/usr/bin/chromium', 'mobile');
  console.log(path, JSON.stringify(r.scores), JSON.stringify(r.metrics), JSON.stringify(r.failing));
}
