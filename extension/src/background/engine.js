// engine.js — the one PostCheck checker of the extension, living in the background because a page's
// CSP (script-src 'self') forbids WebAssembly in content scripts. It starts compiling as soon as the
// worker starts; a policy pushed by the organisation (storage.managed) replaces the built-in one only
// when it loads cleanly, otherwise the error is kept for the popup and the built-in policy stays.
// `createChecker` is injected (lib/postcheck.js in the extension, the same module in unit tests).

export const maxFindingsPerReply = 500;

export function createEngine(createChecker) {
  let checkerPromise = null;       // Promise<checker> for the policy in force
  let policySource = 'built-in';   // 'built-in' | 'managed'
  let appliedManagedPolicy = null; // the managed JSON text in force, if any
  let managedPolicyError = null;   // message of the last managed policy that failed to load
  let settled = Promise.resolve(); // resolves when the last managed-policy change has been applied
  const times = { workerStartedAt: Date.now(), engineReadyAt: null };

  function startBuiltIn() {
    checkerPromise = createChecker().then((checker) => {
      // One throwaway check compiles the lazily compiled wasm functions of the check path, so the
      // user's first real check does not pay for it.
      checker.check('Warm up 07700 900123 f*ck', { account: 'personal', authorised: false });
      times.engineReadyAt ??= Date.now();
      return checker;
    });
    policySource = 'built-in';
    appliedManagedPolicy = null;
    return checkerPromise;
  }

  const getChecker = () => checkerPromise ?? startBuiltIn();

  async function applyNow(policyText) {
    if (policyText === undefined) {
      managedPolicyError = null;
      if (policySource !== 'built-in') await startBuiltIn();
      return;
    }
    if (policyText === appliedManagedPolicy) return;
    const checker = await getChecker();
    try {
      checker.setPolicy(policyText);
      policySource = 'managed';
      appliedManagedPolicy = policyText;
      managedPolicyError = null;
    } catch (error) {
      managedPolicyError = String(error?.message ?? error);
      // setPolicy kept the previous policy; if that was an earlier managed one, go back to the built-in.
      if (policySource !== 'built-in') await startBuiltIn();
    }
  }

  const keyOf = (policy) => `${policySource}:${policy.name}@${policy.version}`;

  return {
    times,
    getChecker,

    // Brings the policy in force in line with the managed policy text (undefined = none pushed).
    // Checks wait for it, so no post is checked against the built-in policy while a managed one loads.
    applyManagedPolicy(policyText) {
      settled = settled.then(() => applyNow(policyText)).catch((error) => {
        managedPolicyError = String(error?.message ?? error);
      });
      return settled;
    },

    // What content scripts and the UI need to know about the policy in force.
    async policySummary() {
      await settled;
      const p = (await getChecker()).policy;
      return {
        name: p.name,
        version: p.version,
        ruleCount: p.ruleCount,
        contacts: p.contacts ?? {},
        charityAccounts: p.charityAccounts ?? [],
        holdSeverities: p.holdSeverities ?? ['block'],
        organisationNames: p.organisationNames ?? [],
        source: policySource,
        key: keyOf(p),
      };
    },

    policyStatus() {
      return { source: policySource, managedPolicyError };
    },

    async checkPost(text, context) {
      await settled;
      const checker = await getChecker();
      const account = context?.account === 'charity' ? 'charity' : 'personal';
      const { findings } = checker.check(String(text), { account, authorised: context?.authorised === true });
      // A huge paste can yield thousands of findings; the page gets the first ones (all it can draw)
      // plus counts, so the reply never takes long to copy into the page's process.
      const severityCounts = { block: 0, warn: 0, info: 0 };
      for (const f of findings) severityCounts[f.severity] = (severityCounts[f.severity] ?? 0) + 1;
      return {
        findings: findings.length > maxFindingsPerReply ? findings.slice(0, maxFindingsPerReply) : findings,
        total: findings.length,
        severityCounts,
        policyKey: keyOf(checker.policy),
      };
    },
  };
}
