// The devices a FIT file says recorded it: the watch and the sensors paired with it.
import type { DeviceInfoMesg, Encoder, Types } from '@garmin/fitsdk';
import { Profile } from '@garmin/fitsdk';
import { MESG_NUM } from './fit-mesg-num.js';

export type FitManufacturer = Extract<Types.Manufacturer, string>;

export interface SyntheticDevice {
  /** The watch that wrote the file is the creator; sensors are numbered from 1. */
  index: 'creator' | number;
  manufacturer: FitManufacturer;
  /** A product id, or for Garmin a product name of the FIT profile such as 'fr965' or 'hrmPro'. */
  product: number | string;
  serialNumber?: number;
  softwareVersion?: number;
  /** The ANT+ profile a sensor speaks, e.g. 'heartRate' or 'strideSpeedDistance'. */
  antplusDeviceType?: Extract<Types.AntplusDeviceType, string>;
}

export function productId(device: SyntheticDevice): number {
  if (typeof device.product === 'number') return device.product;
  const names = Profile.types.garminProduct ?? {};
  const id = Object.keys(names).find((key) => names[Number(key)] === device.product);
  if (device.manufacturer !== 'garmin' || id === undefined)
    throw new Error(`unknown product ${device.product}`);
  return Number(id);
}

export function writeDeviceInfo(encoder: Encoder, device: SyntheticDevice, timestamp: number): void {
  const info: DeviceInfoMesg = {
    timestamp,
    deviceIndex: device.index,
    deviceType:
      device.antplusDeviceType === undefined ? undefined : antplusDeviceType(device.antplusDeviceType),
    manufacturer: device.manufacturer,
    product: productId(device),
    serialNumber: device.serialNumber,
    softwareVersion: device.softwareVersion,
    sourceType: device.index === 'creator' ? 'local' : 'antplus',
  };
  encoder.onMesg(MESG_NUM.deviceInfo, info);
}

/** device_type is a plain number in the file; which profile it names depends on the source type. */
function antplusDeviceType(name: string): number {
  const names = Profile.types.antplusDeviceType ?? {};
  const id = Object.keys(names).find((key) => names[Number(key)] === name);
  if (id === undefined) throw new Error(`unknown ANT+ device type ${name}`);
  return Number(id);
}
