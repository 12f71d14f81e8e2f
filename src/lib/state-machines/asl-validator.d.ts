declare module 'asl-validator' {
  /** Checks a definition against the Amazon States Language schema, paths, JSONata and transitions. */
  export default function validator(definition: unknown): {
    errors: { Message: string; schemaError?: { instancePath: string } }[];
  };
}
