import Foundation

/// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo line search: enough
/// for a smooth convex objective such as regularised logistic regression. Deterministic.
enum LBFGS {
    static func minimize(
        _ objective: ([Double]) -> (value: Double, gradient: [Double]), start: [Double],
        maxIterations: Int, memory: Int = 10, tolerance: Double = 1e-6
    ) -> [Double] {
        var x = start
        var (value, gradient) = objective(x)
        var steps: [(s: [Double], y: [Double], rho: Double)] = []
        for _ in 0..<maxIterations {
            if norm(gradient) <= tolerance * max(1, norm(x)) { break }
            var direction = searchDirection(gradient, steps)
            var slope = dot(direction, gradient)
            if slope >= 0 {
                // Not a descent direction (curvature lost to rounding): start over from the gradient.
                steps.removeAll()
                direction = gradient.map { -$0 }
                slope = dot(direction, gradient)
            }
            var step = steps.isEmpty ? min(1, 1 / max(norm(gradient), 1e-12)) : 1
            var accepted: (x: [Double], value: Double, gradient: [Double])?
            for _ in 0..<40 {
                let candidate = zip(x, direction).map { $0 + step * $1 }
                let evaluated = objective(candidate)
                if evaluated.value <= value + 1e-4 * step * slope {
                    accepted = (candidate, evaluated.value, evaluated.gradient)
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else { break }
            let s = zip(next.x, x).map { $0 - $1 }
            let y = zip(next.gradient, gradient).map { $0 - $1 }
            let curvature = dot(s, y)
            if curvature > 1e-10 {
                steps.append((s, y, 1 / curvature))
                if steps.count > memory { steps.removeFirst() }
            }
            let improvement = value - next.value
            (x, value, gradient) = next
            if improvement <= 1e-10 * max(1, abs(value)) { break }
        }
        return x
    }

    /// The two-loop recursion: −H·g from the stored steps.
    private static func searchDirection(_ gradient: [Double], _ steps: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for index in steps.indices.reversed() {
            let alpha = steps[index].rho * dot(steps[index].s, q)
            alphas[index] = alpha
            axpy(-alpha, steps[index].y, &q)
        }
        if let last = steps.last {
            let gamma = dot(last.s, last.y) / max(dot(last.y, last.y), 1e-300)
            for index in q.indices { q[index] *= gamma }
        }
        for index in steps.indices {
            let beta = steps[index].rho * dot(steps[index].y, q)
            axpy(alphas[index] - beta, steps[index].s, &q)
        }
        return q.map { -$0 }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    private static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    private static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        for index in y.indices { y[index] += alpha * x[index] }
    }
}
