const { startSandbox } = jest.requireActual('../../sandbox');

/**
 * One sandbox for a test file: started before its tests, reset before each, checked after each
 * (no problem recorded) and closed at the end. The object returned stands for the running sandbox.
 */
export function useSandbox(): any {
	let real: any;
	beforeAll(async () => {
		real = await startSandbox({ port: 0, timeScale: 0.001, quiet: true });
	});
	afterAll(async () => real?.close());
	beforeEach(() => real.reset());
	afterEach(() => expect(real.problems).toEqual([]));
	return new Proxy(
		{},
		{
			get: (_target, key) => {
				const value = real[key];
				return typeof value === 'function' ? value.bind(real) : value;
			},
		},
	);
}
