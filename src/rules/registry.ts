// Every lint rule, in the order docs/rules.md lists them. Adding a rule: write its module under
// src/rules/<area>/ and import it here, then regenerate docs/rules.md
// (`node scripts/build.mjs && node bin/mesh.js rules --format markdown > docs/rules.md`);
// a test checks that the two agree and that the rule's documented examples behave as documented.
import type { Rule } from './rule.js';
import { rule as uniqueContractId } from './schema/unique-contract-id.js';
import { rule as uniqueObjectName } from './schema/unique-object-name.js';
import { rule as uniquePropertyName } from './schema/unique-property-name.js';
import { rule as primaryKeyRequired } from './schema/primary-key-required.js';
import { rule as qualityPropertyReference } from './quality/property-reference.js';
import { rule as slaKnownProperty } from './sla/known-property.js';
import { rule as slaValidUnit } from './sla/valid-unit.js';
import { rule as slaEvaluableValue } from './sla/evaluable-value.js';
import { rule as slaPlaceholderValue } from './sla/placeholder-value.js';
import { rule as slaElementExists } from './sla/element-exists.js';
import { rule as slaTierRequired } from './sla/tier-required.js';
import { rule as slaTierFloor } from './sla/tier-floor.js';
import { rule as classificationTaxonomy } from './policy/classification-taxonomy.js';
import { rule as piiTagRequired } from './policy/pii-tag-required.js';
import { rule as piiMinimumClassification } from './policy/pii-minimum-classification.js';
import { rule as piiRetention } from './policy/pii-retention.js';
import { rule as requiredFields } from './policy/required-fields.js';
import { rule as validPolicy } from './policy/valid-policy.js';
import { rule as domainNoLoosening } from './policy/domain-no-loosening.js';
import { rule as contractName } from './naming/contract-name.js';
import { rule as objectName } from './naming/object-name.js';
import { rule as propertyName } from './naming/property-name.js';
import { rule as teamName } from './naming/team-name.js';
import { rule as codeownersSyntax } from './ownership/codeowners-syntax.js';
import { rule as domainCovered } from './ownership/domain-covered.js';
import { rule as contractOwned } from './ownership/contract-owned.js';
import { rule as teamMatchesCodeowners } from './ownership/team-matches-codeowners.js';
import { rule as domainValidDeclaration } from './domain/valid-declaration.js';
import { rule as domainDeclared } from './domain/declared.js';
import { rule as contractFolder } from './domain/contract-folder.js';
import { rule as portContractExists } from './lineage/port-contract-exists.js';

export const RULES: readonly Rule[] = [
  uniqueContractId,
  uniqueObjectName,
  uniquePropertyName,
  primaryKeyRequired,
  qualityPropertyReference,
  slaKnownProperty,
  slaValidUnit,
  slaEvaluableValue,
  slaPlaceholderValue,
  slaElementExists,
  slaTierRequired,
  slaTierFloor,
  classificationTaxonomy,
  piiTagRequired,
  piiMinimumClassification,
  piiRetention,
  requiredFields,
  validPolicy,
  domainNoLoosening,
  contractName,
  objectName,
  propertyName,
  teamName,
  codeownersSyntax,
  domainCovered,
  contractOwned,
  teamMatchesCodeowners,
  domainValidDeclaration,
  domainDeclared,
  contractFolder,
  portContractExists,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
