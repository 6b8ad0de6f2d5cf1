// Writes a large journey for the layout tests: PHASES phases of
// TOUCHPOINTS touchpoints each, two personas, copy, KPIs, promises kept by
// later phases, online and offline channels, planned touchpoints and
// moments of truth.
//
//   node large-journey.mjs DIR [PHASES] [TOUCHPOINTS]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, phasesArg = '10', touchArg = '15'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node large-journey.mjs DIR [PHASES] [TOUCHPOINTS]');
  process.exit(2);
}
const phases = Number(phasesArg);
const touchpoints = Number(touchArg);
const channels = ['web', 'email', 'social', 'app', 'phone', 'store', 'mail', 'event'];
const kinds = ['awareness', 'consideration', 'decision', 'purchase', 'onboarding', 'usage', 'loyalty', 'advocacy'];
const words = ['clear', 'friendly', 'quick', 'honest', 'helpful', 'simple', 'personal', 'reliable'];

const out = [];
const ids = Array.from({ length: phases }, (_, i) => `phase_${i + 1}`);
out.push(`journey large "Large journey: ${phases} phases of ${touchpoints} touchpoints" {`);
out.push('  value "A clear and friendly service that helps the customer at every step"');
out.push(`  phases ${ids.join(', ')}`);
out.push('}\n');
out.push('persona anna "Anna Example, a busy customer" {');
out.push('  needs "a service that does not waste her time"');
out.push('  channels web, email, app\n}\n');
out.push('persona ben "Ben Sample, a careful customer" {');
out.push('  needs "advice he can trust"');
out.push('  channels phone, store, mail\n}\n');
for (let p = 0; p < phases; p++) {
  const id = ids[p];
  out.push(`phase ${id} "Step ${p + 1}: ${words[p % words.length]} ${p % 3 === 0 ? 'orientation and comparison' : 'service'}" {`);
  out.push(`  kind ${kinds[p % kinds.length]}`);
  out.push(`  question "What do I need to know in step ${p + 1}?"`);
  out.push(`  activities "Reads about step ${p + 1}", "Asks a question"`);
  out.push(`  wants "Finish step ${p + 1} without trouble"`);
  out.push(`  message "Step ${p + 1} is ${words[p % words.length]} and easy"`);
  out.push(`  promise promise_${p + 1} "We answer every question about step ${p + 1} the same day"`);
  out.push(`  kpi "Completion of step ${p + 1}" target 80 unit "%"`);
  out.push('  teams service');
  for (let t = 0; t < touchpoints; t++) {
    const ch = channels[(p + t) % channels.length];
    const planned = t % 7 === 6;
    out.push(`  touchpoint ${id}_t${t + 1} "Touchpoint ${t + 1} of step ${p + 1} (${ch})" {`);
    out.push(`    channel ${ch}`);
    out.push('    owner service');
    out.push(`    serves ${t % 2 === 0 ? 'anna' : 'ben'}`);
    out.push(`    says "Copy ${p + 1}.${t + 1}: the ${words[(p + t) % words.length]} way through step ${p + 1}, explained in plain words for everyone"`);
    if (t % 3 === 0) {
      out.push(`    says "Second line of copy ${p + 1}.${t + 1} with the details that matter"`);
    }
    out.push(`    kpi "Use of touchpoint ${p + 1}.${t + 1}" target ${50 + t} unit "%"`);
    if (p > 0 && t % 4 === 0) out.push(`    keeps promise_${p}`);
    out.push(`    expectation ${3 + (t % 3)}`);
    if (planned) {
      out.push('    state planned');
    } else {
      out.push(`    experience ${1 + ((p * 3 + t) % 5)}`);
    }
    if (t % 5 === 2 && !planned) out.push(`    moment "Touchpoint ${t + 1} decides step ${p + 1}"`);
    out.push('  }');
  }
  out.push('}\n');
}
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'large.journey'), out.join('\n'));
