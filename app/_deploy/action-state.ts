// What a deploy server action answers its form with when it does not redirect: the refusal in words
// (what happened, what to do), never a stack trace. Shared by the actions and the client forms.
export interface ActionState {
  error?: {
    status: number;
    message: string;
    action?: string;
    /** The blocking preflight checks of a 422. */
    checks?: { check: string; message: string }[];
  };
}

export const IDLE: ActionState = {};
