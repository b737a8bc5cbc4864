// Every rule's detector, by type (one file each in detectors/). compute-alerts.ts runs the enabled ones.
import type { AlertDetector } from "./alert-detector";
import type { AlertType } from "./alert-types";

export const ALERT_DETECTORS: { [T in AlertType]?: AlertDetector<T> } = {};
