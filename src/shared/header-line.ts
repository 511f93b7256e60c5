// A header line as the operator writes it in the configuration ("Authorization: Bearer xyz"): the configuration
// checks it, and the order and product sources send it with every request.

/** "Authorization: Bearer xyz" → its name and value; undefined when the line is not a header. */
export function parseHeaderLine(line: string): { name: string; value: string } | undefined {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n]*[^\s])[ \t]*$/.exec(line);
  return match ? { name: match[1]!, value: match[2]! } : undefined;
}
