// Every breaking-change rule, one module each under rules/. Order: the order of docs/breaking-rules.md.
// Adding a rule: create rules/<name>.ts exporting `rule`, import it here; the docs test covers it.
import type { BreakingRule } from './rule.js';
import { rule as classificationLowered } from './rules/classification-lowered.js';
import { rule as classificationRaised } from './rules/classification-raised.js';
import { rule as constraintTightened } from './rules/constraint-tightened.js';
import { rule as contractAdded } from './rules/contract-added.js';
import { rule as contractIdChanged } from './rules/contract-id-changed.js';
import { rule as contractMetadataChanged } from './rules/contract-metadata-changed.js';
import { rule as contractRemovedWhileConsumed } from './rules/contract-removed-while-consumed.js';
import { rule as contractRemoved } from './rules/contract-removed.js';
import { rule as descriptionChanged } from './rules/description-changed.js';
import { rule as enumValueAdded } from './rules/enum-value-added.js';
import { rule as enumValueRemoved } from './rules/enum-value-removed.js';
import { rule as formatChanged } from './rules/format-changed.js';
import { rule as logicalTypeChanged } from './rules/logical-type-changed.js';
import { rule as logicalTypeNarrowed } from './rules/logical-type-narrowed.js';
import { rule as logicalTypeWidened } from './rules/logical-type-widened.js';
import { rule as maxItemsIncreased } from './rules/max-items-increased.js';
import { rule as maxLengthIncreased } from './rules/max-length-increased.js';
import { rule as maximumIncreased } from './rules/maximum-increased.js';
import { rule as metadataChanged } from './rules/metadata-changed.js';
import { rule as minItemsDecreased } from './rules/min-items-decreased.js';
import { rule as minLengthDecreased } from './rules/min-length-decreased.js';
import { rule as minimumDecreased } from './rules/minimum-decreased.js';
import { rule as objectAdded } from './rules/object-added.js';
import { rule as objectRemoved } from './rules/object-removed.js';
import { rule as objectRenamed } from './rules/object-renamed.js';
import { rule as outputPortAdded } from './rules/output-port-added.js';
import { rule as outputPortContractChanged } from './rules/output-port-contract-changed.js';
import { rule as outputPortMetadataChanged } from './rules/output-port-metadata-changed.js';
import { rule as outputPortRemoved } from './rules/output-port-removed.js';
import { rule as outputPortTypeChanged } from './rules/output-port-type-changed.js';
import { rule as outputPortVersionChanged } from './rules/output-port-version-changed.js';
import { rule as outputPortVersionDowngraded } from './rules/output-port-version-downgraded.js';
import { rule as productAdded } from './rules/product-added.js';
import { rule as productRemovedWhileConsumed } from './rules/product-removed-while-consumed.js';
import { rule as productRemoved } from './rules/product-removed.js';
import { rule as partitioningChanged } from './rules/partitioning-changed.js';
import { rule as patternChanged } from './rules/pattern-changed.js';
import { rule as personalDataTagAdded } from './rules/personal-data-tag-added.js';
import { rule as physicalNameChanged } from './rules/physical-name-changed.js';
import { rule as physicalTypeChanged } from './rules/physical-type-changed.js';
import { rule as physicalTypeNarrowed } from './rules/physical-type-narrowed.js';
import { rule as physicalTypeWidened } from './rules/physical-type-widened.js';
import { rule as primaryKeyRemoved } from './rules/primary-key-removed.js';
import { rule as propertyAdded } from './rules/property-added.js';
import { rule as propertyRemoved } from './rules/property-removed.js';
import { rule as propertyRenamed } from './rules/property-renamed.js';
import { rule as qualityBlockingRuleAdded } from './rules/quality-blocking-rule-added.js';
import { rule as qualityRuleAdded } from './rules/quality-rule-added.js';
import { rule as qualityRuleChanged } from './rules/quality-rule-changed.js';
import { rule as qualityRuleRemoved } from './rules/quality-rule-removed.js';
import { rule as qualityThresholdLoosened } from './rules/quality-threshold-loosened.js';
import { rule as qualityThresholdTightened } from './rules/quality-threshold-tightened.js';
import { rule as requiredAdded } from './rules/required-added.js';
import { rule as requiredRemoved } from './rules/required-removed.js';
import { rule as serverAdded } from './rules/server-added.js';
import { rule as serverFormatChanged } from './rules/server-format-changed.js';
import { rule as serverLocationChanged } from './rules/server-location-changed.js';
import { rule as serverRemoved } from './rules/server-removed.js';
import { rule as slaAdded } from './rules/sla-added.js';
import { rule as slaChanged } from './rules/sla-changed.js';
import { rule as slaRemoved } from './rules/sla-removed.js';
import { rule as slaStrengthened } from './rules/sla-strengthened.js';
import { rule as slaWeakened } from './rules/sla-weakened.js';
import { rule as statusChanged } from './rules/status-changed.js';
import { rule as statusDeprecated } from './rules/status-deprecated.js';
import { rule as statusRetiredWithoutDeprecation } from './rules/status-retired-without-deprecation.js';
import { rule as tagsChanged } from './rules/tags-changed.js';
import { rule as uniqueRemoved } from './rules/unique-removed.js';
import { rule as valueSetWidened } from './rules/value-set-widened.js';

export const RULES: readonly BreakingRule[] = [
  classificationLowered,
  classificationRaised,
  constraintTightened,
  contractAdded,
  contractIdChanged,
  contractMetadataChanged,
  contractRemovedWhileConsumed,
  contractRemoved,
  descriptionChanged,
  enumValueAdded,
  enumValueRemoved,
  formatChanged,
  logicalTypeChanged,
  logicalTypeNarrowed,
  logicalTypeWidened,
  maxItemsIncreased,
  maxLengthIncreased,
  maximumIncreased,
  metadataChanged,
  minItemsDecreased,
  minLengthDecreased,
  minimumDecreased,
  objectAdded,
  objectRemoved,
  objectRenamed,
  outputPortAdded,
  outputPortContractChanged,
  outputPortMetadataChanged,
  outputPortRemoved,
  outputPortTypeChanged,
  outputPortVersionChanged,
  outputPortVersionDowngraded,
  productAdded,
  productRemovedWhileConsumed,
  productRemoved,
  partitioningChanged,
  patternChanged,
  personalDataTagAdded,
  physicalNameChanged,
  physicalTypeChanged,
  physicalTypeNarrowed,
  physicalTypeWidened,
  primaryKeyRemoved,
  propertyAdded,
  propertyRemoved,
  propertyRenamed,
  qualityBlockingRuleAdded,
  qualityRuleAdded,
  qualityRuleChanged,
  qualityRuleRemoved,
  qualityThresholdLoosened,
  qualityThresholdTightened,
  requiredAdded,
  requiredRemoved,
  serverAdded,
  serverFormatChanged,
  serverLocationChanged,
  serverRemoved,
  slaAdded,
  slaChanged,
  slaRemoved,
  slaStrengthened,
  slaWeakened,
  statusChanged,
  statusDeprecated,
  statusRetiredWithoutDeprecation,
  tagsChanged,
  uniqueRemoved,
  valueSetWidened,
];

const BY_ID = new Map<string, BreakingRule>();
for (const rule of RULES) {
  BY_ID.set(rule.id, rule);
  BY_ID.set(rule.id.slice('breaking/'.length), rule);
}

/** A rule by id (`breaking/property-removed`) or short name (`property-removed`). */
export function breakingRule(id: string): BreakingRule | undefined {
  return BY_ID.get(id);
}
