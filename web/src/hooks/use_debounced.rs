use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value`, but only after it stopped changing for `millis` (live analysis without jank: typing
/// stays responsive, the analysis runs on the pause).
#[hook]
pub fn use_debounced<T: Clone + PartialEq + 'static>(value: T, millis: u32) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            let v = v.clone();
            let timer = (*settled != v).then(|| Timeout::new(millis, move || settled.set(v)));
            move || drop(timer)
        });
    }
    (*settled).clone()
}
