// HTML that the site generator itself made safe (sanitized Markdown). Handlebars recognises objects
// with a toHTML() method and inserts them without escaping, so templates use {{value}} everywhere
// and never need the triple-stash.

export class SafeHtml {
  constructor(readonly html: string) {}
  toHTML(): string {
    return this.html;
  }
  toString(): string {
    return this.html;
  }
}
