/** A model value in plain words. */
export function valueWords(value: string): string {
  switch (value) {
    case 'NULL':
      return 'NULL';
    case 'memcg':
      return 'the memcg';
    case 'objcg':
      return 'the obj_cgroup';
    case 'objcgs':
      return 'the obj_cgroup vector';
    case 'objcgs|0x1':
      return 'the obj_cgroup vector with bit 0 set (a tagged pointer)';
    case 'memcg|KMEM':
      return 'the memcg pointer with the KMEM flag';
    case 'objcgs|OBJCGS':
      return 'the obj_cgroup vector with the OBJCGS flag';
    default:
      return value;
  }
}
