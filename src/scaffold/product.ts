// `mesh new product`: an ODPS v1.0.0 descriptor with one output port (the domain's contract it
// publishes) and the input ports it reads (other contracts' ids), which draw the lineage graph.

export interface ProductSkeletonInput {
  id: string;
  name: string;
  domain: string;
  /** Contract ids this product publishes (output ports). */
  outputs: string[];
  /** Contract ids this product reads (input ports). */
  inputs: string[];
}

export function productSkeleton(input: ProductSkeletonInput): Record<string, unknown> {
  const port = (contractId: string, i: number, prefix: string) => ({ name: `${prefix}_${i + 1}`, version: '1.0.0', contractId });
  return {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: input.id,
    name: input.name,
    version: '0.1.0',
    status: 'draft',
    domain: input.domain,
    description: { purpose: `TODO: what ${input.name} offers and to whom.` },
    inputPorts: input.inputs.map((c, i) => port(c, i, 'in')),
    outputPorts: (input.outputs.length > 0 ? input.outputs : ['TODO-contract-id']).map((c, i) => ({ ...port(c, i, 'out'), description: `Output port ${i + 1} of ${input.name}.` })),
  };
}
