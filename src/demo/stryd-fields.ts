import type { DeveloperDataIdMesg, FieldDescriptionMesg } from '@garmin/fitsdk';
import type { Channel } from '../domain/channels.js';
import { MESG_NUM } from './fit-mesg-num.js';

/** The channels a Stryd pod writes as developer fields. */
export type StrydChannel = Extract<
  Channel,
  'power' | 'stanceTime' | 'verticalOscillation' | 'formPower' | 'legSpringStiffness'
>;

const UINT16 = 0x84;
const FLOAT32 = 0x88;
const DEVELOPER_DATA_INDEX = 0;

/** Stryd's application id, as Stryd's Connect IQ field writes it in real files. */
const STRYD_APPLICATION_ID = [24, 251, 44, 240, 26, 75, 67, 13, 173, 102, 152, 140, 132, 116, 33, 244];

interface StrydField {
  channel: StrydChannel;
  name: string;
  units: string;
  fieldNumber: number;
  fitBaseTypeId: number;
  nativeFieldNum?: number;
  /** Keel's unit → the field's unit and type. */
  toField: (value: number) => number;
}

/** Names, units, numbers and types copied from a real Stryd recording, so importers meet what they will meet. */
const STRYD_FIELDS: readonly StrydField[] = [
  {
    channel: 'power',
    name: 'Power',
    units: 'Watts',
    fieldNumber: 0,
    fitBaseTypeId: UINT16,
    nativeFieldNum: 7,
    toField: Math.round,
  },
  {
    channel: 'stanceTime',
    name: 'Ground Time',
    units: 'Milliseconds',
    fieldNumber: 3,
    fitBaseTypeId: UINT16,
    nativeFieldNum: 41,
    toField: Math.round,
  },
  {
    channel: 'verticalOscillation',
    name: 'Vertical Oscillation',
    units: 'Centimeters',
    fieldNumber: 4,
    fitBaseTypeId: FLOAT32,
    nativeFieldNum: 39,
    toField: (mm) => mm / 10,
  },
  {
    channel: 'formPower',
    name: 'Form Power',
    units: 'Watts',
    fieldNumber: 8,
    fitBaseTypeId: UINT16,
    toField: Math.round,
  },
  {
    channel: 'legSpringStiffness',
    name: 'Leg Spring Stiffness',
    units: 'kN/m',
    fieldNumber: 9,
    fitBaseTypeId: FLOAT32,
    toField: (v) => v,
  },
];

export interface StrydDeveloperField {
  /** The key the SDK's Encoder knows the field by, in a record's `developerFields`. */
  key: number;
  field: StrydField;
  developerDataIdMesg: DeveloperDataIdMesg;
  fieldDescriptionMesg: FieldDescriptionMesg;
}

export function strydDeveloperFields(): StrydDeveloperField[] {
  const developerDataIdMesg: DeveloperDataIdMesg = {
    applicationId: STRYD_APPLICATION_ID,
    applicationVersion: 143,
    developerDataIndex: DEVELOPER_DATA_INDEX,
  };
  return STRYD_FIELDS.map((field, key) => ({
    key,
    field,
    developerDataIdMesg,
    fieldDescriptionMesg: {
      developerDataIndex: DEVELOPER_DATA_INDEX,
      fieldDefinitionNumber: field.fieldNumber,
      fitBaseTypeId: field.fitBaseTypeId,
      fieldName: field.name,
      units: field.units,
      nativeMesgNum: MESG_NUM.record,
      nativeFieldNum: field.nativeFieldNum,
    },
  }));
}
