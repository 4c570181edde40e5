import { availableParallelism, cpus, freemem, totalmem } from 'node:os';

/** What this machine offers to the swarm. GPU offload is not used yet (CPU prebuilt binaries). */
export interface HardwareInfo {
  /** Logical cores usable by this process. */
  readonly cpuCores: number;
  /** CPU model name as the OS reports it. */
  readonly cpuModel: string;
  readonly totalMemoryBytes: number;
  readonly freeMemoryBytes: number;
  /** Accelerator used for inference; null = CPU only. */
  readonly gpu: string | null;
  /** One line for banners and mDNS TXT records, e.g. "2 cores, 23.4 GiB RAM, CPU only". */
  readonly summary: string;
}

const GIB = 1024 ** 3;

export function formatHardwareSummary(info: Omit<HardwareInfo, 'summary'>): string {
  const memory = `${(info.totalMemoryBytes / GIB).toFixed(1)} GiB RAM`;
  const accelerator = info.gpu === null ? 'CPU only' : `GPU ${info.gpu}`;
  return `${info.cpuCores} cores, ${memory}, ${accelerator}`;
}

/** Reads the machine's cores and memory from the OS. */
export function detectHardware(): HardwareInfo {
  const cpuList = cpus();
  const base = {
    cpuCores: availableParallelism(),
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown CPU',
    totalMemoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    gpu: null,
  };
  return { ...base, summary: formatHardwareSummary(base) };
}
