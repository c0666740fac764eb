// Personal data may not be kept forever: a contract holding it declares a retention within the cap.
import { toSeconds } from '../../odcs/units.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { describeSla, slaEntries } from '../sla/sla-entries.js';
import { personalDataProperties } from './personal-data.js';

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: email, logicalType: string, classification: restricted, tags: [pii] }
`;

export const rule: ContractRule = {
  id: 'policy/pii-retention',
  severity: 'error',
  scope: 'contract',
  summary: 'A contract with personal data declares a `retention` SLA no longer than `personalData.maxRetention`.',
  fix: 'Declare a retention SLA within the cap (e.g. `{ property: retention, value: 3, unit: y }`).',
  docs: {
    fail: exampleContract(SCHEMA, `slaProperties:
  - { property: retention, value: 10, unit: y }
`),
    pass: exampleContract(SCHEMA, `slaProperties:
  - { property: retention, value: 3, unit: y }
`),
  },
  check(ctx) {
    const cap = ctx.policy.personalData.maxRetention;
    if (!cap) return;
    const personal = personalDataProperties(ctx.contract, ctx.policy);
    if (personal.length === 0) return;
    const retention = slaEntries(ctx.contract).filter((s) => s.definition?.name === 'retention');
    if (retention.length === 0) {
      ctx.report({
        path: ctx.contract.slaProperties !== undefined ? ['slaProperties'] : personal[0].path,
        message: `the contract holds personal data ("${personal[0].dotted}"${personal.length > 1 ? ` and ${personal.length - 1} more` : ''}) but declares no retention; at most ${cap.text} is allowed`,
      });
      return;
    }
    for (const sla of retention) {
      const seconds = toSeconds(sla.entry.value, sla.unit);
      if (seconds === undefined || seconds <= cap.seconds) continue; // unevaluable: sla/evaluable-value
      ctx.report({ path: [...sla.path, 'value'], message: `retention ${describeSla(sla.entry)} is longer than ${cap.text}, the cap for contracts with personal data`, fix: `keep personal data at most ${cap.text}` });
    }
  },
};
