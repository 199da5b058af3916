// ESLint (flat config): typescript-eslint and react-hooks recommended, plus the import boundaries of the SPA
// in the style of bulletproof-react's zones — shared (lib, components) → features → app, never sideways:
//   - a feature does not import another feature (what two features share lives in lib/ or components/);
//   - lib/ and components/ import neither features nor app; features do not import app (app composes them).
// Tests may import app (they render the real providers and routes), never another feature.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** src/features/X may not import src/features/Y (Y ≠ X). */
const crossFeatureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'A feature does not import another feature: move what they share to src/lib or src/components.',
}));

const sharedZones = [
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'src/lib and src/components are shared: they import neither features nor app.',
  },
];

const appZones = [
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import app (app composes the features into routes).',
  },
];

const testFiles = ['src/**/*.test.{ts,tsx}', 'src/test/**'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/lib/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...crossFeatureZones, ...sharedZones, ...appZones] }],
    },
  },
  {
    // tests render the app's providers and routes, but still never reach into another feature
    files: testFiles,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: crossFeatureZones }] },
  },
  {
    files: ['*.config.{ts,js}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
