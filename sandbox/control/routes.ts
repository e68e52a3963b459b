// The control API's routes: path → method → handler. Everything lives under /_sandbox/.
import { setAlarm } from "./handlers/alarms";
import { deleteCounters, getCounters } from "./handlers/counters";
import { changeClock, getClock } from "./handlers/clock";
import { deleteFaults, getFaults, putFaults } from "./handlers/faults";
import { deleteIam, getIam, putIam } from "./handlers/iam";
import { markCrashing, push } from "./handlers/images";
import { reset, seed } from "./handlers/scenario";
import { getState } from "./handlers/state";
import type { ControlRequest } from "./request";

export type ControlHandler = (request: ControlRequest) => unknown;

export const CONTROL_ROUTES: Readonly<Record<string, Readonly<Record<string, ControlHandler>>>> = {
  "/_sandbox/reset": { POST: reset },
  "/_sandbox/seed": { POST: seed },
  "/_sandbox/state": { GET: getState },
  "/_sandbox/clock": { GET: getClock, POST: changeClock },
  "/_sandbox/faults": { GET: getFaults, PUT: putFaults, DELETE: deleteFaults },
  "/_sandbox/push": { POST: push },
  "/_sandbox/crash": { POST: markCrashing },
  "/_sandbox/counters": { GET: getCounters, DELETE: deleteCounters },
  "/_sandbox/iam": { GET: getIam, PUT: putIam, DELETE: deleteIam },
  "/_sandbox/alarms": { POST: setAlarm },
};
