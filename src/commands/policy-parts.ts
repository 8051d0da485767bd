/** The parts of a policy a command cannot run without (the allowance amounts, the training days). */
import { UsageError } from "../core/errors.js";
import type { Policy } from "../core/policy/schema.js";
import { builtinIds, loadPolicy } from "../io/policies.js";

export type OptionalPart = "allowance" | "training";

/** What a policy without the part lacks, as the usage error says it. */
const LACKS: Record<OptionalPart, string> = {
  allowance: "allowance amounts",
  training: "training days",
};

/**
 * The part, or a usage error naming the built-in profiles that have it: a command asked of a
 * policy that sets no such rule is a wrong choice of policy, not bad data.
 */
export function requirePart<P extends OptionalPart>(policy: Policy, part: P): NonNullable<Policy[P]> {
  const value = policy[part];
  if (value) return value as NonNullable<Policy[P]>;
  const having = builtinIds().filter((id) => loadPolicy(id)[part] !== null);
  throw new UsageError(
    `policy ${policy.id} (${policy.document}) sets no ${LACKS[part]}: choose one that does (${having.join(", ")}), or a policy file that extends one`,
  );
}
