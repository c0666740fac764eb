// `mesh new domain`: the domain.yaml of a new domain (metadata, owner, tier, support) in the shape
// the example mesh uses (docs/example-mesh.md), with an empty tighten-only `policy` to fill later.

export interface DomainInput {
  name: string;
  team: string;
  tier: number;
  title?: string;
  description?: string;
  /** Support channel, e.g. `#sales-data` (slack) or an e-mail address. */
  channel?: string;
  url?: string;
}

export function domainDocument(input: DomainInput): Record<string, unknown> {
  const title = input.title ?? input.name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const channel = input.channel ?? `#${input.team.split('/').pop()}`;
  const email = /^[^@\s]+@[^@\s]+$/.test(channel);
  return {
    apiVersion: 'mesh/v1',
    kind: 'Domain',
    name: input.name,
    description: input.description ?? `TODO: what the ${title} domain covers and which systems it is the record of.`,
    team: input.team,
    tier: input.tier,
    support: [
      {
        channel,
        tool: email ? 'email' : channel.startsWith('#') ? 'slack' : 'other',
        scope: 'interactive',
        url: input.url ?? (email ? `mailto:${channel}` : `TODO: link to ${channel}`),
      },
    ],
  };
}
