/** A named Platform connection (gh's "hosts"). The file is mode 0600: it may hold a sandbox secret. */
export type Profile = {
  baseUrl: string;
  clientId?: string;
  /** PEM (PKCS#8) private key file for private_key_jwt, the production method. */
  keyFile?: string;
  /** Sandbox only (a production Platform refuses secrets); never printed. */
  clientSecret?: string;
  /** Writes against this profile need `--yes` or a confirmation on a terminal. */
  production?: boolean;
  /** Default trust anchors of `hdld validate` and `hdld doctor` (PEM or DER files). */
  trust?: string[];
};

type Store = { current?: string; profiles: Record<string, Profile> };

export type ProfileStore = {
  path: string;
  list(): [string, Profile][];
  get(name: string): Profile | undefined;
  set(name: string, profile: Profile): void;
  remove(name: string): boolean;
  current(): string | undefined;
  use(name: string): void;
};

/** The config file lives in the user's config directory, or in HDLD_CONFIG_DIR (tests, CI). */
export async function openProfileStore(env: NodeJS.ProcessEnv = process.env): Promise<ProfileStore> {
  // conf (and its schema validator) is loaded when a command needs a profile, not at start-up.
  const { default: Conf } = await import('conf');
  const conf = new Conf<Store>({
    projectName: 'hdld',
    projectSuffix: '',
    configName: 'config',
    cwd: env.HDLD_CONFIG_DIR,
    configFileMode: 0o600,
    // Profile names may contain dots ("prod.vn"): never read them as paths.
    accessPropertiesByDotNotation: false,
    defaults: { profiles: {} },
  });
  const profiles = () => conf.get('profiles');
  return {
    path: conf.path,
    list: () => Object.entries(profiles()).sort(([a], [b]) => a.localeCompare(b)),
    get: (name) => profiles()[name],
    set(name, profile) {
      conf.set('profiles', { ...profiles(), [name]: profile });
      if (!conf.get('current')) conf.set('current', name);
    },
    remove(name) {
      const { [name]: removed, ...rest } = profiles();
      if (!removed) return false;
      conf.set('profiles', rest);
      if (conf.get('current') === name) conf.delete('current');
      return true;
    },
    current: () => conf.get('current'),
    use: (name) => conf.set('current', name),
  };
}
