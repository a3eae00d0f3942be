import { schemaResolver } from '@mantine/form';

/** Client-side validation with the contract's zod schema (the same rules the API applies). */
export function validateWith(schema: Parameters<typeof schemaResolver>[0]) {
  return schemaResolver(schema, { sync: true });
}
