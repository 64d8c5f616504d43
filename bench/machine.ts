// The machine a benchmark ran on, recorded with every result so figures from different days
// are never compared without knowing where they came from.
import os from "node:os";

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryMiB: number;
  platform: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}
