/** A policy document IAM would refuse. `message` is the text of AWS's MalformedPolicyDocument error; `path` points at the
 * fault inside the document (for example `Statement[1].Condition.StringEqualsX`). */
export class PolicyParseError extends Error {
  override readonly name = 'PolicyParseError';
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}
