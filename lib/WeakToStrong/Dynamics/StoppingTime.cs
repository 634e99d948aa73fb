namespace WeakToStrong.Dynamics;

/// <summary>The result of an early-stopping search: the time minimising a risk along a trajectory.</summary>
/// <param name="Time">t* (in the trajectory's time units: learning rate × steps).</param>
/// <param name="Loss">The risk at t*.</param>
/// <param name="AtBoundary">True when the minimum is at an end of the searched interval (the true minimiser may lie outside it).</param>
public sealed record StoppingTime(double Time, double Loss, bool AtBoundary);
