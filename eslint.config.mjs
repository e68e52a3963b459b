// Lint rules, including the room boundaries of docs/architecture.md, enforced with no-restricted-imports.
// Patterns are regular expressions so they catch both the `@/` alias and relative paths.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const rule = (regex, message) => ({ regex, message });

const AWS_SDK = rule("^@aws-sdk/", "Only lib/aws talks to the AWS SDK; call a lib/queries read or a lib/deploy verb.");
const STORE = rule("(^|/)lib/store(/|$)", "Only lib/deploy, lib/queries and lib/notify reach the store.");
const SERVER_LAYERS = rule(
  "(^|/)lib/(aws|deploy|store)(/|$)",
  "components/ renders data; fetch it in a page through lib/queries (or a server action) and pass it as props.",
);
const SANDBOX = rule("(^|/)sandbox(/|$)", "The sandbox is its own room: the app reaches it only through the AWS SDK.");
const APP_CODE = rule(
  "(^@/|(^|/))(lib|app|components)(/|$)",
  "The sandbox imports nothing from the app; it is an AWS stand-in, not part of the dashboard.",
);
const IO = rule(
  "^(node:)?(fs|fs/promises|http|https|net|child_process)$|^@aws-sdk/|(^|/)lib/(aws|queries|deploy|store|auth)(/|$)|^\\.\\./(aws|queries|deploy|store|auth)(/|$)",
  "lib/domain is pure: no I/O and no dependency on the layers above it.",
);

const ERRORS_PURE = rule(
  "^(node:)?(fs|fs/promises|http|https|net|child_process)$|^@aws-sdk/|(^|/)lib/(aws|queries|deploy|store|auth|config|domain)(/|$)|^\\.\\./(aws|queries|deploy|store|auth|config|domain)(/|$)",
  "lib/errors sits below every layer that throws its errors: no I/O and no imports from them.",
);

const SERVER_LIFECYCLE = rule(
  "^@aws-sdk/|(^|/)lib/(aws|queries|deploy|store)(/|$)|^\\.\\./(aws|queries|deploy|store)(/|$)",
  "lib/server runs the process's life (draining, shutdown); instrumentation-node.ts hands it the follower and store steps.",
);

const NOTIFY = rule(
  "^@aws-sdk/|(^|/)(app|components)(/|$)|(^|/)lib/deploy(/|$)|^\\.\\./deploy(/|$)",
  "lib/notify sits below lib/deploy (which enqueues through it) and reaches AWS only through lib/aws.",
);

const OBSERVABILITY_LOW = rule(
  "^@aws-sdk/|(^|/)lib/(aws|queries|deploy|store|auth)(/|$)|^\\.\\./(aws|queries|deploy|store|auth)(/|$)",
  "lib/observability sits below the layers that log and count through it: it imports none of them.",
);

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  { ignores: [".next/**", ".next-*/**", "deploy/node_modules/**", "deploy/cdk.out/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // App Router only: there is no pages/ directory for this rule to check against.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  { files: ["app/**"], rules: restrict(AWS_SDK, STORE, SANDBOX) },
  { files: ["components/**"], rules: restrict(AWS_SDK, SERVER_LAYERS, SANDBOX) },
  { files: ["lib/**"], rules: restrict(SANDBOX) },
  { files: ["lib/domain/**"], rules: restrict(IO, SANDBOX) },
  { files: ["lib/errors/**"], rules: restrict(ERRORS_PURE, SANDBOX) },
  { files: ["lib/server/**"], rules: restrict(SERVER_LIFECYCLE, SANDBOX) },
  { files: ["lib/notify/**"], rules: restrict(NOTIFY, SANDBOX) },
  { files: ["lib/observability/**"], rules: restrict(OBSERVABILITY_LOW, SANDBOX) },
  { files: ["sandbox/**"], rules: restrict(APP_CODE) },
  {
    // Tests may use `.only`-free vitest and playwright; they never ship, so the React rules do not apply.
    files: ["tests/**", "bench/**", "scripts/**", "sandbox/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
